using System.Net.Http.Json;
using System.Text.Json;
using Evidentia.Cli;
using Evidentia.Core;
using Evidentia.Core.Accounts;
using Evidentia.Core.Answers;
using Evidentia.Ingestion;
using Evidentia.Tests.Support;

namespace Evidentia.Tests.Web;

/// <summary>
/// Scale-out: one PostgreSQL database and two web nodes on loopback, each with its own data folder (its index
/// replica) following the store's change feed.
/// </summary>
public sealed class ScaleOutTests : IAsyncLifetime
{
    private readonly string? _server = PostgresServer.ConnectionString;
    private readonly TempFolder _folder = new();
    private readonly List<IAsyncDisposable> _open = [];
    private string _database = "";

    private Node _one = null!;
    private Node _two = null!;

    private sealed record Node(Workspace Workspace, WebServer Web) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await Web.DisposeAsync();
            await Workspace.DisposeAsync();
        }
    }

    public async Task InitializeAsync()
    {
        if (_server is null)
        {
            return;
        }

        _database = await PostgresServer.CreateDatabaseAsync(_server);
        _one = await StartNodeAsync("one");
        await new Ingestor(_one.Workspace.Store).IngestAsync([Path.Combine(AppContext.BaseDirectory, "demo")], null, null, null, CancellationToken.None);
        await _one.Workspace.SyncIndexAsync(rebuild: false, null, CancellationToken.None);
        _two = await StartNodeAsync("two");
    }

    public async Task DisposeAsync()
    {
        foreach (var open in Enumerable.Reverse(_open))
        {
            await open.DisposeAsync();
        }

        if (_server is not null)
        {
            await PostgresServer.DropDatabaseAsync(_server, _database);
        }

        _folder.Dispose();
    }

    private async Task<Node> StartNodeAsync(string name)
    {
        var workspace = await Workspace.OpenAsync(new DataFolder(_folder.Combine(name)), CancellationToken.None, _database);
        var node = new Node(workspace, await WebServer.StartAsync(workspace.CreateWebBackend(), "--Web:SyncIntervalMs", "100"));
        _open.Add(node);
        return node;
    }

    private static async Task<bool> FindsAsync(Node node, string query, string id)
    {
        var hits = await node.Web.Client.GetFromJsonAsync<JsonElement>("/api/search?q=" + Uri.EscapeDataString(query));
        return hits.EnumerateArray().Any(h => h.GetProperty("id").GetString() == id);
    }

    private static async Task<bool> EventuallyAsync(Func<Task<bool>> condition)
    {
        for (var i = 0; i < 100; i++)
        {
            if (await condition())
            {
                return true;
            }

            await Task.Delay(100);
        }

        return false;
    }

    [PostgresFact]
    public async Task Should_Find_On_One_Node_A_Document_Ingested_Through_The_Other()
    {
        var file = _folder.File("scale/plorbatide.jsonl", JsonSerializer.Serialize(new
        {
            id = "scale-1",
            title = "Plorbatide demonstration record",
            text = "Demonstration record, not clinical content: the plorbatide marker exists to test scale-out.",
        }) + "\n");

        await new Ingestor(_one.Workspace.Store).IngestAsync([file], null, null, null, CancellationToken.None);
        await _one.Workspace.SyncIndexAsync(rebuild: false, null, CancellationToken.None);

        Assert.True(await FindsAsync(_one, "plorbatide", "scale-1"));
        Assert.True(await EventuallyAsync(() => FindsAsync(_two, "plorbatide", "scale-1")), "node two never found the document");
    }

    [PostgresFact]
    public async Task Should_Show_An_Article_Approved_On_One_Node_As_Approved_On_The_Other()
    {
        using var asked = await _one.Web.Client.PostAsJsonAsync("/api/answers", new { question = "How is high blood pressure treated?" });
        var answer = (await asked.Content.ReadFromJsonAsync<Answer>(AnswerJson.Options))!;
        using var reviewer = await StaffClient.SignInAsync(_one.Web, _one.Workspace, Role.Reviewer);

        foreach (var (handler, version) in new[] { ("Start", "1"), ("Approve", "1") })
        {
            using var done = await reviewer.PostFormAsync($"/review/{answer.Id}?handler={handler}", $"/review/{answer.Id}", new() { ["version"] = version });
            Assert.Equal(System.Net.HttpStatusCode.Redirect, done.StatusCode);
        }

        var onTwo = await _two.Web.Client.GetStringAsync($"/answers/{answer.Id}");
        Assert.Contains("Approved by <strong>Dr Reviewer Tester</strong>", onTwo);
        Assert.DoesNotContain("pending human review", onTwo);
    }

    [PostgresFact]
    public async Task Should_Catch_Up_When_A_Node_Restarts_With_An_Empty_Data_Folder()
    {
        var last = await _one.Workspace.Store.GetLastSequenceAsync(CancellationToken.None);
        _open.Remove(_two);
        await _two.DisposeAsync();

        var fresh = await StartNodeAsync("two-again");

        Assert.True(await EventuallyAsync(() => Task.FromResult(fresh.Workspace.Index.CommittedSequence >= last)), "the new node never caught up");
        Assert.True(await FindsAsync(fresh, "hypertension", "hypertension-who-2021"));
    }
}
