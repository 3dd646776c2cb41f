from django.urls import path

from . import views

app_name = "quizzes"
urlpatterns = [
    path("dashboard/", views.dashboard, name="dashboard"),
    path("practice/", views.practice_start, name="practice-start"),
    path("practice/review/", views.review_start, name="review-start"),
    path("practice/<int:attempt_id>/", views.attempt, name="attempt"),
    path("practice/<int:attempt_id>/items/<int:position>/", views.item, name="item"),
    path("practice/<int:attempt_id>/finish/", views.finish, name="finish"),
    path("practice/<int:attempt_id>/summary/", views.summary, name="summary"),
]
