"""What the nlp tests share: the project's pipeline, loaded once per module that asks for it."""
import pytest

from helpers.nlp.model import get_nlp


@pytest.fixture(scope="module")
def nlp():
    return get_nlp()
