"""The peer's data and request files, run with the peer's own Python (Django 1.8, Python 3.6):

    python -m bench.peer.prepare setup --out DIR --students N    tables, a 20-question quiz, N students
    python -m bench.peer.prepare reset                           every answering student back to question 1

Half the students have a sitting open to look at (the quiz page: GET of the question they are on), half
answer (the answer POST: each line answers the question its student is on, so every answer is
accepted and moves the sitting on; after the twentieth the sitting is scored and a new one begins).
"""

import argparse
import os
import subprocess
import sys

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.peer.settings")

QUESTIONS = 20
QUIZ_URL = "bench-quiz"
CSRF_TOKEN = "b" * 32  # Django 1.8 compares the form's token with the cookie's, unmasked


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("step", choices=["setup", "reset"])
    parser.add_argument("--out")
    parser.add_argument("--students", type=int, default=100)
    args = parser.parse_args()
    if args.step == "setup":
        _migrate()
    import django

    django.setup()
    if args.step == "setup":
        _write_requests(args.out, _make_data(args.students))
    else:
        _reset()


def _migrate():
    for core_only in ("1", ""):
        subprocess.run([sys.executable, "-c", "import django; django.setup(); from django.core.management import "
                        "call_command; call_command('migrate', interactive=False, verbosity=0)"],
                       env=dict(os.environ, PEER_CORE_ONLY=core_only), check=True)


def _make_data(students):
    from django.contrib.auth.models import User
    from multichoice.models import Answer, MCQuestion
    from quiz.models import Category, Quiz, Sitting

    category = Category.objects.create(category="civics")
    quiz = Quiz.objects.create(title="Bench quiz", description="20 questions", url=QUIZ_URL, category=category,
                               random_order=False, answers_at_end=False, exam_paper=False, single_attempt=False,
                               pass_mark=50)
    keys = []
    for number in range(1, QUESTIONS + 1):
        question = MCQuestion.objects.create(content=f"Question {number}: which of these is right?",
                                             explanation="Because it is the right one.", category=category,
                                             answer_order="none")
        question.quiz.add(quiz)
        answers = [Answer.objects.create(question=question, content=f"Option {option}", correct=option == 2)
                   for option in range(1, 5)]
        keys.append(answers[1].pk)
    users = [User.objects.create_user(f"peer-student-{n:04d}", password=None) for n in range(students)]
    viewers, answerers = users[::2], users[1::2]
    for user in viewers:
        Sitting.objects.new_sitting(user, quiz)
    return {"viewers": [_cookie(user) for user in viewers], "answerers": [_cookie(user) for user in answerers],
            "keys": keys}


def _cookie(user):
    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore

    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.create()
    return f"{settings.SESSION_COOKIE_NAME}={session.session_key}; csrftoken={CSRF_TOKEN}"


def _write_requests(out, data):
    path = f"/{QUIZ_URL}/take/"
    with open(os.path.join(out, "peer_quiz_page.requests"), "w") as page:
        for cookie in data["viewers"]:
            page.write(f"GET\t{path}\t{cookie}\t\n")
    # Round-robin over the students, question by question: wrk's threads take every Nth line, so with an
    # even number of students each student's answers stay on one thread, in order, far apart in time.
    with open(os.path.join(out, "peer_answer.requests"), "w") as answers:
        for key in data["keys"]:
            for cookie in data["answerers"]:
                answers.write(f"POST\t{path}\t{cookie}\tcsrfmiddlewaretoken={CSRF_TOKEN}&answers={key}\n")


def _reset():
    from django.contrib.auth.models import User
    from quiz.models import Sitting

    answerers = User.objects.filter(username__startswith="peer-student-").order_by("username")[1::2]
    Sitting.objects.filter(user__in=list(answerers), complete=False).delete()


if __name__ == "__main__":
    main()
