"""Searching an admin listing that has no search backend (a generic IndexView)."""

from django.db.models import Q


class EveryWordSearchMixin:
    """Every word typed must be found in one of the view's ``search_fields``
    (case-insensitive): "awa diop" finds Awa Diop by first and last name."""

    def search_queryset(self, queryset):
        if not self.is_searching:
            return queryset
        for word in self.search_query.split():
            match = Q()
            for field in self.search_fields:
                match |= Q(**{f"{field}__icontains": word})
            queryset = queryset.filter(match)
        return queryset
