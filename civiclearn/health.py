"""``/health/``: a fixed answer for load balancers, touching neither the database nor the session.

The benchmarks (bench/) also use it as the floor: what a request costs in this framework and
middleware before any of our own work.
"""

from django.http import HttpResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe


@never_cache
@require_safe
def health(request):
    return HttpResponse("ok", content_type="text/plain")
