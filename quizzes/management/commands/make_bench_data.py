from django.core.management.base import BaseCommand, CommandError

from content.models import Chapter
from quizzes.services.bench_data import BENCH_PASSWORD, bench_data_create


class Command(BaseCommand):
    help = ("Fill the database with a large data set for the benchmarks (students in classes, answers, "
            "FSRS cards, assigned quiz sets). Import the seed chapter first (make seed).")

    def add_arguments(self, parser):
        parser.add_argument("--students", type=int, default=10_000)
        parser.add_argument("--classes", type=int, default=200)
        parser.add_argument("--answers-per-student", type=int, default=100)
        parser.add_argument("--chapter", default="sapporo-ict-chapter1")

    def handle(self, *args, students, classes, answers_per_student, chapter, **options):
        found = Chapter.objects.filter(slug=chapter).first()
        if found is None:
            raise CommandError(f"No chapter {chapter!r}: run `make seed` first.")
        if classes < 1 or students < classes:
            raise CommandError("Give at least one class, and at least as many students as classes.")
        report = bench_data_create(chapter=found, students=students, classes=classes,
                                   answers_per_student=answers_per_student)
        self.stdout.write(
            f"{report.students} students in {report.classes} classes, {report.answers} answers, {report.cards} cards "
            f"in {report.seconds:.1f} s (accounts bench-student-NNNNN / bench-teacher-NNN, password {BENCH_PASSWORD})"
        )
