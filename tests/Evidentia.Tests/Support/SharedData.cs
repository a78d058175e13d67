using Evidentia.Cli;

namespace Evidentia.Tests.Support;

/// <summary>
/// The real corpora in <c>../shared/data</c>. Under CI (<c>CI=true</c>) their absence is a failure;
/// elsewhere tests that need them return early.
/// </summary>
public static class SharedData
{
    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>The folder, or null when it is missing outside CI.</summary>
    public static string? Folder
    {
        get
        {
            var folder = DefaultCorpus.FindSharedData();
            if (folder is null && IsCi)
            {
                Assert.Fail("../shared/data is missing; under CI the tests that need the real corpora fail.");
            }

            return folder;
        }
    }
}
