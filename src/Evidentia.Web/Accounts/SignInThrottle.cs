using System.Threading.RateLimiting;
using Evidentia.Web.Hosting;
using Microsoft.Extensions.Options;

namespace Evidentia.Web.Accounts;

/// <summary>
/// Failed sign-ins per client address: after <see cref="WebOptions.SignInFailuresPerAddress"/> in a sliding
/// quarter of an hour, that address may not try again until the window slides (HTTP 429), whatever account it names.
/// With the per-account lockout set higher, one address can neither guess on nor lock out an account. Per node, in
/// memory.
/// </summary>
public sealed class SignInThrottle(IOptions<WebOptions> options) : IDisposable
{
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);

    private readonly PartitionedRateLimiter<string> _failures = PartitionedRateLimiter.Create<string, string>(address =>
        RateLimitPartition.GetSlidingWindowLimiter(address, _ => new SlidingWindowRateLimiterOptions
        {
            PermitLimit = options.Value.SignInFailuresPerAddress,
            Window = Window,
            SegmentsPerWindow = 15,
            QueueLimit = 0,
        }));

    /// <summary>Whether <paramref name="address"/> has no failed sign-in left in the window.</summary>
    public bool IsThrottled(string address)
    {
        // Asking for no permit tells whether any is left without taking one.
        using var lease = _failures.AttemptAcquire(address, 0);
        return !lease.IsAcquired;
    }

    /// <summary>Counts a failed sign-in from <paramref name="address"/>.</summary>
    public void Failed(string address) => _failures.AttemptAcquire(address).Dispose();

    public void Dispose() => _failures.Dispose();
}
