import os

# Qt picks its platform plugin when the first QGuiApplication is built; without a
# display (CI, ssh) anything but "offscreen" aborts the whole test run.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
