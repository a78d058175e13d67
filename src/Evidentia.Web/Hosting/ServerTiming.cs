using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace Evidentia.Web.Hosting;

/// <summary>
/// A W3C <c>Server-Timing</c> header on every response (<c>app;dur=…</c>, milliseconds until the response
/// started): what browsers' developer tools and the page benchmark read as the server's own time.
/// </summary>
public sealed class ServerTiming(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        var started = Stopwatch.GetTimestamp();
        context.Response.OnStarting(() =>
        {
            var ms = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            context.Response.Headers["Server-Timing"] = string.Create(CultureInfo.InvariantCulture, $"app;dur={ms:F2}");
            return Task.CompletedTask;
        });
        return next(context);
    }
}
