using System.Diagnostics;
using Evidentia.Cli;
using Evidentia.Core;
using Evidentia.Ingestion;
using Evidentia.Web.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Evidentia.Bench;

/// <summary>
/// <c>pages</c>: how long the answer page takes, measured on loopback against the web product in this process
/// over a fresh data folder holding every shared corpus (so every dev question is new to its library).
/// A new answer is <c>GET /ask?q=…</c> (compose, keep, redirect) plus the page it redirects to; an already
/// answered one is <c>GET /answers/{id}</c>. Server time is what the server reports in its <c>Server-Timing</c>
/// header (until the response starts); round trip is what this client saw on loopback. Medians and 90th
/// percentiles in milliseconds.
/// </summary>
public static class PageTimings
{
    private const int WarmUp = 20;

    public static async Task<int> RunAsync()
    {
        var questions = BenchData.Questions();
        using var folder = new TemporaryFolder();
        await using var workspace = await Workspace.OpenAsync(new DataFolder(folder.Path), CancellationToken.None);
        await new Ingestor(workspace.Store).IngestAsync([BenchData.SharedData], null, null, null, CancellationToken.None);
        await workspace.SyncIndexAsync(rebuild: false, null, CancellationToken.None);

        await using var app = EvidentiaWeb.Build(workspace.CreateWebBackend(),
            ["--urls", "http://127.0.0.1:0", "--Logging:LogLevel:Default", "Warning", "--Web:AskPermitsPerMinute", "100000"]);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(address) };

        var fresh = new List<double>();
        var freshServer = new List<double>();
        var pages = new List<string>();
        foreach (var (question, i) in questions.Select((q, i) => (q, i)))
        {
            var clock = Stopwatch.StartNew();
            using var asked = await client.GetAsync("/ask?q=" + Uri.EscapeDataString(question));
            var location = asked.Headers.Location?.OriginalString ?? throw new InvalidOperationException($"no redirect for question {i}: {(int)asked.StatusCode}");
            using var page = await client.GetAsync(location);
            page.EnsureSuccessStatusCode();
            if (i >= WarmUp)
            {
                fresh.Add(clock.Elapsed.TotalMilliseconds);
                freshServer.Add(ServerMs(asked) + ServerMs(page));
            }

            pages.Add(location);
        }

        var again = new List<double>();
        var againServer = new List<double>();
        for (var round = 0; round < 3; round++)
        {
            foreach (var location in pages)
            {
                var clock = Stopwatch.StartNew();
                using var page = await client.GetAsync(location);
                page.EnsureSuccessStatusCode();
                again.Add(clock.Elapsed.TotalMilliseconds);
                againServer.Add(ServerMs(page));
            }
        }

        Console.WriteLine("| Answer page | Requests | Server median (ms) | Server p90 (ms) | Round-trip median (ms) | Round-trip p90 (ms) |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|");
        Console.WriteLine($"| New answer (`GET /ask?q=` + the page) | {fresh.Count} | {ScaleLatency.Percentile(freshServer, 50):F2} | {ScaleLatency.Percentile(freshServer, 90):F2} | {ScaleLatency.Percentile(fresh, 50):F2} | {ScaleLatency.Percentile(fresh, 90):F2} |");
        Console.WriteLine($"| Already answered (`GET /answers/{{id}}`) | {again.Count} | {ScaleLatency.Percentile(againServer, 50):F2} | {ScaleLatency.Percentile(againServer, 90):F2} | {ScaleLatency.Percentile(again, 50):F2} | {ScaleLatency.Percentile(again, 90):F2} |");
        await app.StopAsync();
        return 0;
    }

    // "app;dur=12.34"
    private static double ServerMs(HttpResponseMessage response) =>
        double.Parse(response.Headers.GetValues("Server-Timing").Single().Split("dur=")[1], System.Globalization.CultureInfo.InvariantCulture);

    private sealed class TemporaryFolder : IDisposable
    {
        public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "evidentia-bench-pages-" + Guid.NewGuid().ToString("N")[..8]);

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }
}
