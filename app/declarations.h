#pragma once

namespace xueshi {

class LocalStore;
class SyncEngine;

// Declares the self-declaration mutations (docs/sync.md "Self-declarations") on an engine with
// their local effects, so a saved draft, a submission, a withdrawal or the HR office's decision
// shows at once, offline, before the server has it. Calling it again is harmless.
void registerDeclarationMutations(SyncEngine *engine, const LocalStore *store);

} // namespace xueshi
