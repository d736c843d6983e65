"""Requests whose parameters hold a null character are refused, once, for every view.

A ``\\x00`` has no business in a search box, a quiz answer or any form field, and
PostgreSQL cannot store or compare it (``UntranslatableCharacter``: a 500 wherever a
view passes raw ``request.GET`` / ``request.POST`` values to a query). Django's form
fields refuse it already; views that read parameters themselves (the catalogue's
``?q=`` and ``?topic=``, the quiz form's answers) are covered by this one rule instead
of a check in each of them.
"""

from django.shortcuts import render

NULL = "\x00"


def _holds_null(params) -> bool:
    return any(
        NULL in key or any(NULL in value for value in values)
        for key, values in params.lists()
    )


class NullCharacterMiddleware:
    """Answer 400 with a translated page when the query string or the form data of a
    request holds a null character; the view never runs, so nothing is written."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if _holds_null(request.GET) or (
            request.method == "POST" and _holds_null(request.POST)
        ):
            return render(request, "400_null.html", status=400)
        return self.get_response(request)
