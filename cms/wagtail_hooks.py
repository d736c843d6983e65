from wagtail import hooks

from cms import page_cache


# After Wagtail's own `on_serve_page` hooks (order 0), so inside them: the page is
# noted only once its view restrictions have let the visitor through.
@hooks.register("on_serve_page", order=100)
def page_cache_note(serve_page):
    """Tell the page cache which page answers the request."""

    def serve(page, request, args, kwargs):
        page_cache.page_served(request=request, page=page, args=args, kwargs=kwargs)
        return serve_page(page, request, args, kwargs)

    return serve
