"""Uploaded images served by the app itself, for the one-machine setup.

Mounted at MEDIA_URL only when no object storage is configured (see config.urls).
Only the folders of ``cms.media.PUBLIC_MEDIA_FOLDERS`` are served; any other path —
a certificate PDF, a document, ``..`` — answers 404 whether the file exists or not.
"""

from django.conf import settings
from django.http import Http404
from django.views.decorators.http import require_safe
from django.views.static import serve

from cms.media import public_media_cache_control


@require_safe
def public_media(request, path):
    cache_control = public_media_cache_control(path)
    if cache_control is None:
        raise Http404
    # Django's static view: conditional GET (If-Modified-Since), content type,
    # streamed body, and a 404 for a missing file or a folder.
    response = serve(request, path, document_root=settings.MEDIA_ROOT)
    response["Cache-Control"] = cache_control
    return response
