using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace Evidentia.Tests.Support;

/// <summary>
/// A small OpenAI-compatible server on loopback that answers <c>POST /v1/chat/completions</c> with scripted
/// replies, and records the requests it received.
/// </summary>
public sealed class ScriptedChatServer : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Queue<(int Status, string Content)> _replies = new();
    private readonly Task _loop;

    public ScriptedChatServer()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        Endpoint = new Uri($"http://127.0.0.1:{port}/v1/");
        _listener.Prefixes.Add(Endpoint.ToString());
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    public Uri Endpoint { get; }

    public List<string> Requests { get; } = [];

    /// <summary>The next request gets a chat completion whose message content is <paramref name="content"/>.</summary>
    public void Reply(string content) => _replies.Enqueue((200, content));

    /// <summary>The next request gets this HTTP status and no completion.</summary>
    public void Fail(int status) => _replies.Enqueue((status, ""));

    public void Dispose()
    {
        // Close alone: after Stop, Close removes the prefixes a second time, and on Linux that binds the port again to
        // find its listener, which fails when another socket has taken the port meanwhile ("Address already in use").
        _listener.Close();
        try
        {
            _loop.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // The listener was stopped under the loop.
        }
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            lock (Requests)
            {
                Requests.Add(reader.ReadToEnd());
            }

            var (status, content) = _replies.Count > 0 ? _replies.Dequeue() : (500, "");
            context.Response.StatusCode = status;
            context.Response.ContentType = "application/json";
            var body = status == 200
                ? JsonSerializer.Serialize(new
                {
                    id = "chatcmpl-test",
                    @object = "chat.completion",
                    created = 1_700_000_000,
                    model = "test-model",
                    choices = new[] { new { index = 0, message = new { role = "assistant", content }, finish_reason = "stop" } },
                    usage = new { prompt_tokens = 1, completion_tokens = 1, total_tokens = 2 },
                })
                : JsonSerializer.Serialize(new { error = new { message = "scripted failure", type = "invalid_request_error" } });
            var bytes = Encoding.UTF8.GetBytes(body);
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
    }
}
