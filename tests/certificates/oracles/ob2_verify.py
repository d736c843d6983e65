# Copied unchanged from the shared oracles (shared/oracles/ob2_verify.py, beside this
# repository): the wrapper that runs 1EdTech's Open Badges validator offline. CI runs
# on a clean clone where that folder is absent, so the tests use this copy. Kept as
# written there (other people's style): lint and formatting are off for this file.
# ruff: noqa
# fmt: off
"""Run 1EdTech openbadges-validator-core (PyPI 'openbadges' 1.1.2) offline.
The only network need is the JSON-LD context https://w3id.org/openbadges/v2: we answer it from the copy the package itself
ships (openbadges.verifier.openbadges_context.OPENBADGES_CONTEXT_V2_DICT). Everything else (localhost URLs) is fetched for real.
usage: ob2_verify.py (URL | JSON string | @file.json | baked.png)   -> prints report, exit 0 if valid else 1"""
import json, sys
from openbadges.verifier import utils as U
from openbadges.verifier.openbadges_context import OPENBADGES_CONTEXT_V2_DICT, OPENBADGES_CONTEXT_V2_URI
_orig = U.CachableDocumentLoader.__call__
def _call(self, url):
    if url.rstrip('/') in (OPENBADGES_CONTEXT_V2_URI, "https://openbadgespec.org/v2/context.json"):
        return {'contextUrl': None, 'documentUrl': url, 'document': json.dumps(OPENBADGES_CONTEXT_V2_DICT)}
    return _orig(self, url)
U.CachableDocumentLoader.__call__ = _call
from openbadges import verify
arg = sys.argv[1]
if arg.endswith('.png') or arg.endswith('.svg'):
    data = open(arg, 'rb')
elif arg.startswith('@'):
    data = open(arg[1:]).read()
else:
    data = arg
r = verify(data, use_cache=False)
rep = r['report']
print(json.dumps({k: rep[k] for k in ('valid', 'errorCount', 'warningCount', 'messages')}, indent=1, ensure_ascii=False))
print("graph node types:", [n.get('type') for n in r.get('graph', [])])
sys.exit(0 if rep['valid'] else 1)
