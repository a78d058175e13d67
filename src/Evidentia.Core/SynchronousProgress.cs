namespace Evidentia.Core;

/// <summary>
/// An <see cref="IProgress{T}"/> that reports on the calling thread, in order.
/// <see cref="Progress{T}"/> posts to the thread pool, which reorders reports in a console program.
/// </summary>
public sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
