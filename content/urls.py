from django.urls import path

from . import views

app_name = "content"

urlpatterns = [
    path("", views.chapter_list, name="chapter-list"),
    path("chapters/<slug:slug>/", views.chapter_detail, name="chapter"),
    path("chapters/<slug:slug>/sections/<int:number>/", views.section_detail, name="section"),
    path("chapters/<slug:slug>/glossary/", views.glossary, name="glossary"),
    path("chapters/<slug:slug>/timeline/", views.timeline, name="timeline"),
]
