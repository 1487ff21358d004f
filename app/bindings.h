#pragma once

namespace xueshi {

class LocalStore;
class SyncEngine;

// Declares the binding mutations (docs/sync.md) on an engine with their local effects, so a
// request, withdrawal or decision shows at once, offline, before the server has it. Calling it
// again is harmless.
void registerBindingMutations(SyncEngine *engine, const LocalStore *store);

} // namespace xueshi
