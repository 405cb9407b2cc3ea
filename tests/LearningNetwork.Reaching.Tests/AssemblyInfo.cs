// These tests run Hangfire servers (the change notice is a scheduled job). Two Hangfire servers in
// one process were seen to leave an enqueued job unfetched, so the classes take turns.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
