"""Web forms by audience: learning, teaching, publishing (staff); fields shared by them."""
