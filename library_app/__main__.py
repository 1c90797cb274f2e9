import sys

from library_app.cli import main

sys.exit(main())
