"""The topic filter: sub-topics under their axis, counts on every choice; topics
that trainers can tell apart."""

import re

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from courses.models import Topic
from tests.factories.courses import catalog_get, course_create, topic_create

pytestmark = pytest.mark.django_db


def _topic_select(client, query=""):
    body = client.get(f"{catalog_get().url}{query}").content.decode()
    return re.search(r'<select id="catalog-topic".*?</select>', body, re.S).group(0)


def _catalogue_topics():
    axis = topic_create(name="Décentralisation", slug="axe-decentralisation")
    finance = topic_create(name="Finances locales", slug="finances", parent=axis)
    iso = topic_create(name="ISO 37001", slug="iso", parent=axis)
    services = topic_create(name="Services essentiels", slug="axe-services")
    topic_create(name="Eau et assainissement", slug="eau", parent=services)
    course_create(title="Budget", topics=[finance], level="debutant", modules=0)
    course_create(title="Anti-corruption", topics=[iso], level="avance", modules=0)
    return axis


def test_sub_topics_are_grouped_under_their_axis(client):
    """Each axis is an <optgroup> holding the axis itself then its finer topics."""
    _catalogue_topics()
    select = _topic_select(client)
    groups = re.findall(r'<optgroup label="([^"]+)">(.*?)</optgroup>', select, re.S)
    assert [label for label, _ in groups] == ["Décentralisation", "Services essentiels"]
    first = re.findall(r'<option value="([^"]+)"', groups[0][1])
    assert first == ["axe-decentralisation", "finances", "iso"]
    assert re.findall(r'<option value="([^"]+)"', groups[1][1]) == [
        "axe-services",
        "eau",
    ]


def test_every_topic_choice_says_how_many_courses_it_gives(client):
    """Counts show on each choice, 0 included, and follow the other filters."""
    _catalogue_topics()
    select = _topic_select(client)
    assert "Décentralisation (2 cours)" in select
    assert "Finances locales (1 cours)" in select
    assert "Eau et assainissement (0 cours)" in select
    assert "Services essentiels (0 cours)" in select
    advanced = _topic_select(client, "?level=avance")
    assert "Finances locales (0 cours)" in advanced
    assert "ISO 37001 (1 cours)" in advanced
    chosen = _topic_select(client, "?topic=iso")
    assert '<option value="iso" selected>' in chosen


def test_two_topics_cannot_share_a_name(client):
    """A second "Services essentiels" is refused with a message, whatever its case."""
    topic_create(name="Services essentiels", slug="axe-services")
    duplicate = Topic(name="services essentiels", slug="services")
    with pytest.raises(ValidationError) as error:
        duplicate.full_clean()
    assert "Une thématique portant ce nom existe déjà." in str(error.value)


def test_demo_topics_appear_once_each_in_the_trainers_list(client, reader):
    """The course form offers each demo topic once ("Services essentiels" too)."""
    from demo.catalogue import demo_catalogue_load

    demo_catalogue_load()
    url = reverse(
        "wagtailadmin_pages:add", args=("courses", "coursepage", catalog_get().pk)
    )
    form = client.get(url).context["form"]
    names = [topic.name for topic in form.fields["topics"].queryset]
    assert names.count("Services essentiels") == 1
    assert len(names) == len(set(names))
