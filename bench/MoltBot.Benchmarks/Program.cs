using BenchmarkDotNet.Running;

namespace MoltBot.Benchmarks;

// `dotnet run -c Release --project bench/MoltBot.Benchmarks -- --filter '*'` runs every suite.
internal static class BenchmarkProgram
{
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(BenchmarkProgram).Assembly).Run(args);
}
