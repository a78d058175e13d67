using Evidentia.Cli;
using Evidentia.Core;
using Evidentia.Ingestion;

namespace Evidentia.Tests.Support;

/// <summary>
/// A web server over a data folder of its own: the shipped demonstration corpus plus one hostile demonstration
/// record whose title, source and text carry markup, to prove that source text is always encoded.
/// </summary>
public sealed class DemoWebFixture : IAsyncLifetime
{
    /// <summary>Words of the hostile record that no other document has, to find it by.</summary>
    public const string HostileTerm = "zyxomab";

    public const string HostileId = "hostile-1";

    private readonly TempFolder _folder = new();

    public Workspace Workspace { get; private set; } = null!;

    public WebServer Server { get; private set; } = null!;

    public HttpClient Client => Server.Client;

    public async Task InitializeAsync()
    {
        var hostile = _folder.File("hostile/hostile.jsonl", System.Text.Json.JsonSerializer.Serialize(new
        {
            id = HostileId,
            title = "<script>alert('title')</script> Zyxomab encoding test",
            text = $"Demonstration record for an encoding test, not clinical content. The {HostileTerm} marker <script>alert('text')</script> appears inside this sentence to test encoding. A second sentence about {HostileTerm} <img src=x onerror=alert(1)> checks attributes are encoded too.",
            source = "<b>Evidentia tests</b>",
            year = 2026,
            evidence = "Guideline",
        }) + "\n");
        Workspace = await Workspace.OpenAsync(new DataFolder(_folder.Combine("data")), CancellationToken.None);
        var demo = Path.Combine(AppContext.BaseDirectory, "demo");
        await new Ingestor(Workspace.Store).IngestAsync([demo, hostile], null, null, null, CancellationToken.None);
        await Workspace.SyncIndexAsync(rebuild: false, null, CancellationToken.None);
        Server = await WebServer.StartAsync(Workspace.CreateWebBackend());
    }

    public async Task DisposeAsync()
    {
        await Server.DisposeAsync();
        await Workspace.DisposeAsync();
        _folder.Dispose();
    }
}
