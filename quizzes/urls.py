from django.urls import path

from .views import importing as imports
from .views import learning as learn
from .views import teaching as teach

app_name = "quizzes"
urlpatterns = [
    path("dashboard/", learn.dashboard, name="dashboard"),
    path("practice/", learn.practice_begin, name="practice-start"),
    path("practice/review/", learn.review_start, name="review-start"),
    path("practice/<int:attempt_id>/", learn.attempt, name="attempt"),
    path("practice/<int:attempt_id>/items/<int:position>/", learn.item, name="item"),
    path("practice/<int:attempt_id>/finish/", learn.finish, name="finish"),
    path("practice/<int:attempt_id>/summary/", learn.summary, name="summary"),
    path("classes/join/", learn.join_class, name="join-class"),
    path("assignments/<int:assignment_id>/start/", learn.assignment_begin, name="assignment-start"),
    path("teach/", teach.home, name="teach"),
    path("teach/classes/<int:class_id>/", teach.class_detail, name="teach-class"),
    path("teach/sets/<int:set_id>/", teach.set_builder, name="teach-set"),
    path("teach/sets/<int:set_id>/do/<slug:operation>/", teach.set_action, name="teach-set-action"),
    path("teach/sets/<int:set_id>/results/", teach.results, name="teach-results"),
    path("teach/sets/<int:set_id>/results.csv", teach.results_csv, name="teach-results-csv"),
    path("teach/sets/<int:set_id>/overrides/", teach.overrides, name="teach-overrides"),
    path("teach/sets/<int:set_id>/overrides/<int:override_id>/remove/", teach.override_remove_view,
         name="teach-override-remove"),
    path("teach/sets/<int:set_id>/export/", teach.export, name="teach-export"),
    path("imports/", imports.upload_new, name="import-new"),
    path("imports/<int:upload_id>/", imports.upload_detail, name="import"),
    path("imports/<int:upload_id>/status/", imports.upload_status, name="import-status"),
    path("imports/<int:upload_id>/publish/", imports.upload_publish, name="import-publish"),
]
