"""Which uploaded files are public, and how long a browser or a CDN may keep them.

One rule, read by the media view of the one-machine setup (``cms.media_views``) and
by the object storage of several nodes (``cms.storages``): only Wagtail's images are
public media. Everything else under MEDIA_ROOT — certificate PDFs, documents (their
privacy is checked by Wagtail's own serve view), badge images — is served by the view
that owns it, or not at all.
"""

import posixpath

# A rendition's file name carries its original's name and a digest of its filter and
# focal point; replacing an image's file gives a new original name (the storages never
# overwrite), so a rendition never changes under its name.
IMMUTABLE = "public, max-age=31536000, immutable"
# An original's name comes back when an image is deleted and a file of the same name
# uploaded again: cached a day, not forever.
ORIGINAL = "public, max-age=86400"

PUBLIC_MEDIA_FOLDERS = {"images": IMMUTABLE, "original_images": ORIGINAL}


def public_media_cache_control(name: str) -> str | None:
    """The ``Cache-Control`` of a public media file, or None when ``name`` is not
    public media (another folder, a path that climbs out with ``..``, an absolute
    or a Windows path, a folder alone)."""
    if not name or "\\" in name or "\x00" in name or name.startswith("/"):
        return None
    if posixpath.normpath(name) != name:
        return None
    folder, _, rest = name.partition("/")
    if not rest or ".." in name.split("/"):
        return None
    return PUBLIC_MEDIA_FOLDERS.get(folder)
