package io.haderos.shipping.adapter.aramex.violations;

import io.haderos.shipping.sandbox.Sandbox;

/** Breaks "the sandbox shares no code with the carrier adapters": kept to prove the rule fires. */
public class AramexUsingSandbox {
    Sandbox sandbox;
}
