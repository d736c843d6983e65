"""Each page type lives only where it belongs in the tree."""

from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from cms.models import HomePage
from courses.models import CatalogPage, CoursePage, LessonPage, ModulePage


class PageTreeRulesTests(WagtailPageTestCase):
    def test_page_types_allowed_parents_and_children(self):
        """Home → catalogue → course → module → lesson, and nothing else."""
        self.assertAllowedSubpageTypes(HomePage, {CatalogPage})
        self.assertAllowedSubpageTypes(CatalogPage, {CoursePage})
        self.assertAllowedSubpageTypes(CoursePage, {ModulePage})
        self.assertAllowedSubpageTypes(ModulePage, {LessonPage})
        self.assertAllowedSubpageTypes(LessonPage, set())
        self.assertAllowedParentPageTypes(LessonPage, {ModulePage})
        self.assertAllowedParentPageTypes(CoursePage, {CatalogPage})

    def test_can_create_where_allowed(self):
        self.assertCanCreateAt(HomePage, CatalogPage)
        self.assertCanCreateAt(CatalogPage, CoursePage)
        self.assertCanCreateAt(CoursePage, ModulePage)
        self.assertCanCreateAt(ModulePage, LessonPage)

    def test_cannot_create_under_the_wrong_parent(self):
        self.assertCanNotCreateAt(HomePage, CoursePage)
        self.assertCanNotCreateAt(CatalogPage, LessonPage)
        self.assertCanNotCreateAt(CoursePage, LessonPage)
        self.assertCanNotCreateAt(Page, CoursePage)
        self.assertCanNotCreateAt(LessonPage, LessonPage)

    def test_migration_created_the_catalogue_under_the_home_page(self):
        catalog = CatalogPage.objects.get()
        assert isinstance(catalog.get_parent().specific, HomePage)
        assert catalog.live
