import os
port = os.getenv("PORT", "7000")
