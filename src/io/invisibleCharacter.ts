// Moved to the model, whose money text parsing names such a character too; the readers import it
// from here.
export { invisibleCharacter } from "../model/invisibleCharacter.js";
