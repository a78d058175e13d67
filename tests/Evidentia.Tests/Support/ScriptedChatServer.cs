using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Evidentia.Tests.Support;

/// <summary>
/// A small OpenAI-compatible server on loopback that answers <c>POST /v1/chat/completions</c> with scripted
/// replies, and records the requests it received. Kestrel binds port 0 itself, so no port is chosen and then hoped
/// to be still free.
/// </summary>
public sealed class ScriptedChatServer : IDisposable
{
    private readonly WebApplication _app;
    private readonly Queue<(int Status, string Content)> _replies = new();

    public ScriptedChatServer()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.MapPost("/v1/chat/completions", ReplyAsync);
        _app.StartAsync().GetAwaiter().GetResult();
        var address = _app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        Endpoint = new Uri(address.TrimEnd('/') + "/v1/");
    }

    public Uri Endpoint { get; }

    public List<string> Requests { get; } = [];

    /// <summary>The next request gets a chat completion whose message content is <paramref name="content"/>.</summary>
    public void Reply(string content)
    {
        lock (_replies)
        {
            _replies.Enqueue((200, content));
        }
    }

    /// <summary>The next request gets this HTTP status and no completion.</summary>
    public void Fail(int status)
    {
        lock (_replies)
        {
            _replies.Enqueue((status, ""));
        }
    }

    public void Dispose()
    {
        _app.StopAsync().GetAwaiter().GetResult();
        _app.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    private async Task ReplyAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var request = await reader.ReadToEndAsync();
        (int Status, string Content) reply;
        lock (_replies)
        {
            Requests.Add(request);
            reply = _replies.Count > 0 ? _replies.Dequeue() : (500, "");
        }

        context.Response.StatusCode = reply.Status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(reply.Status == 200
            ? JsonSerializer.Serialize(new
            {
                id = "chatcmpl-test",
                @object = "chat.completion",
                created = 1_700_000_000,
                model = "test-model",
                choices = new[] { new { index = 0, message = new { role = "assistant", content = reply.Content }, finish_reason = "stop" } },
                usage = new { prompt_tokens = 1, completion_tokens = 1, total_tokens = 2 },
            })
            : JsonSerializer.Serialize(new { error = new { message = "scripted failure", type = "invalid_request_error" } }));
    }
}
