"""bench.quality.safety_notice on an already loaded database (URL in the first argument)."""
import sys, contextlib
sys.path.insert(0, str(__import__('pathlib').Path(__file__).resolve().parents[3]))
import bench.eval_services as es
url = sys.argv.pop(1)
@contextlib.contextmanager
def held(_files):
    yield url
es.private_database_from = held
import bench.quality.safety_notice as sn
sys.exit(sn.main())
