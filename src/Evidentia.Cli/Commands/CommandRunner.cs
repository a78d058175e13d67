using Evidentia.Cli.Rendering;

namespace Evidentia.Cli.Commands;

/// <summary>Runs a command body and turns failures into a message on standard error and an exit code, never a stack trace.</summary>
public static class CommandRunner
{
    public static async Task<int> RunAsync(Func<Task<int>> body)
    {
        try
        {
            return await body();
        }
        catch (OperationCanceledException)
        {
            Consoles.Fail("interrupted.");
            return ExitCodes.Cancelled;
        }
        catch (Exception e) when (e is ArgumentException or FileNotFoundException or DirectoryNotFoundException or InvalidDataException)
        {
            Consoles.Fail(e.Message);
            return ExitCodes.BadInput;
        }
        catch (Exception e) when (Environment.GetEnvironmentVariable("EVIDENTIA_DEBUG") is null)
        {
            Consoles.Fail($"{e.Message} (set EVIDENTIA_DEBUG=1 for details)");
            return ExitCodes.Failed;
        }
    }
}
