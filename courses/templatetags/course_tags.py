from django import template

from courses.durations import duration_text

register = template.Library()


@register.filter
def duration(minutes) -> str:
    """'45 minutes', '1 h 20 min': how long something takes to read, for humans."""
    return duration_text(minutes)


@register.simple_tag
def featured_courses(limit=4):
    """(courses, catalogue) for the home page: the newest live courses."""
    from courses.selectors import featured_course_list

    return featured_course_list(limit=limit)


@register.simple_tag(takes_context=True)
def catalog_url(context) -> str:
    from courses.course_index import catalog_url_get

    return catalog_url_get(request=context.get("request"))


@register.simple_tag
def course_of_page(page):
    """The course a page belongs to (None for pages outside a course), for admin lists."""
    from wagtail.models import Page

    from courses.selectors import course_for_page_get

    if not isinstance(page, Page):
        return None
    return course_for_page_get(page=page)
