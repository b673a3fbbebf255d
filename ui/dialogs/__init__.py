"""Entry dialogs; each validates as the user types and saves through the runner."""
