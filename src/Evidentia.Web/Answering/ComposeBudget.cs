using System.Threading.RateLimiting;
using Evidentia.Web.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Evidentia.Web.Answering;

/// <summary>
/// What one client address may have composed on reading: an answer page or <c>GET /api/answers/{slug}?audience=</c>
/// composes a question's missing audience variant, and that is new work like a new question, so it is limited like
/// one (<see cref="WebOptions.AskPermitsPerMinute"/> a minute; the ask endpoints have their own budget of that size).
/// </summary>
public sealed class ComposeBudget(IOptions<WebOptions> options, IHttpContextAccessor http) : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter = PartitionedRateLimiter.Create<string, string>(client =>
        RateLimitPartition.GetFixedWindowLimiter(client, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = options.Value.AskPermitsPerMinute,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        }));

    /// <summary>Takes one composition from the current client's budget.</summary>
    /// <exception cref="ComposeLimitException">The budget is spent for this minute.</exception>
    public void Take()
    {
        using var lease = _limiter.AttemptAcquire(http.HttpContext?.Connection.RemoteIpAddress?.ToString() ?? "unknown");
        if (!lease.IsAcquired)
        {
            throw new ComposeLimitException();
        }
    }

    public void Dispose() => _limiter.Dispose();
}
