"""Reads, by audience: bank (the material generators work from, and the item bank), learning (a
learner's attempts and progress), teaching (classes, sets, assignments, results). Import names from
those modules; selectors never write, never call a service, and never decide on a 404 (they return
None or a queryset scoped to the user, and the view decides)."""
