"""Voice control: the words the coach listens for, and the keyword spotter that hears them."""
