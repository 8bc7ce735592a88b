"""Sound for hands-free guidance: cue tones (QtMultimedia) and the voice (QtTextToSpeech).

These modules are imported only when a session is about to start, so the app's first window
appears without waiting for the multimedia libraries to load.
"""
