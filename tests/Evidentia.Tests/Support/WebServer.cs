using Evidentia.Web.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Evidentia.Tests.Support;

/// <summary>The web product on a real Kestrel port of the loopback interface, over a backend the caller owns.</summary>
public sealed class WebServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private WebServer(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
        // No redirects followed: tests look at them.
        Client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = address };
    }

    public Uri Address { get; }

    public HttpClient Client { get; }

    public static async Task<WebServer> StartAsync(EvidentiaBackend backend, params string[] settings)
    {
        // Sentence vectors are built by the tests that are about them, not behind every page test.
        var app = EvidentiaWeb.Build(backend, ["--urls", "http://127.0.0.1:0", "--Logging:LogLevel:Default", "Warning", "--Web:BuildVectors", "false", .. settings]);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return new WebServer(app, new Uri(address));
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
