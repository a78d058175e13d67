using System.Diagnostics;

namespace Evidentia.Tests.Support;

/// <summary>Runs the real <c>evidentia</c> executable (built beside the tests) as a child process.</summary>
public static class CliProcess
{
    public sealed record Result(int ExitCode, string Out, string Error);

    public static string DllPath => Path.Combine(AppContext.BaseDirectory, "evidentia.dll");

    public static ProcessStartInfo StartInfo(params string[] args)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(DllPath);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        // Plain output: no colours or live progress in captured text.
        info.Environment["NO_COLOR"] = "1";
        info.Environment["TERM"] = "dumb";
        info.Environment.Remove("EVIDENTIA_DATA");
        return info;
    }

    public static Task<Result> RunAsync(params string[] args) => RunWithInputAsync(null, args);

    /// <summary>Runs with <paramref name="input"/> written to standard input (then closed).</summary>
    public static async Task<Result> RunWithInputAsync(string? input, params string[] args)
    {
        var info = StartInfo(args);
        info.RedirectStandardInput = input is not null;
        using var process = Process.Start(info)!;
        if (input is not null)
        {
            await process.StandardInput.WriteAsync(input);
            process.StandardInput.Close();
        }

        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        return new Result(process.ExitCode, await output, await error);
    }
}
