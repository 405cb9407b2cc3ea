// These tests run Hangfire jobs. Two Hangfire servers in one process (two test hosts at once)
// were seen to leave an enqueued job unfetched; in production each process has one. So the
// classes of this assembly take turns instead of running side by side.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
