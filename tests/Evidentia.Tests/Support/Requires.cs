using Evidentia.Cli;

namespace Evidentia.Tests.Support;

// Tests that need what a developer's machine may lack (the real corpora, Chromium, a PostgreSQL server) are shown as
// skipped there, with the reason; under CI (CI=true) they always run, and what they need missing is a failure.

/// <summary>A test over the real corpora of <c>../shared/data</c>.</summary>
public sealed class SharedDataFactAttribute : FactAttribute
{
    public SharedDataFactAttribute()
    {
        if (!SharedData.IsCi && DefaultCorpus.FindSharedData() is null)
        {
            Skip = "needs ../shared/data (the real corpora); under CI=true its absence fails";
        }
    }
}

/// <summary>A test in Debian's Chromium over the real corpora.</summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (!SharedData.IsCi && (DefaultCorpus.FindSharedData() is null || !File.Exists(Browser.ChromiumPath)))
        {
            Skip = $"needs ../shared/data and {Browser.ChromiumPath}; under CI=true their absence fails";
        }
    }
}

/// <summary>A test on the PostgreSQL server named in <c>EVIDENTIA_TEST_POSTGRES</c>.</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (!SharedData.IsCi && string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(PostgresServer.Variable)))
        {
            Skip = $"needs a PostgreSQL server in {PostgresServer.Variable} (.ci/run starts one); under CI=true its absence fails";
        }
    }
}
