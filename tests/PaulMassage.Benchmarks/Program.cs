using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

// A short job run in this process: enough to compare the cases and spot a regression without
// building a separate host project on a busy machine. Pass BenchmarkDotNet's own arguments after
// "--" (for example --filter '*Availability*').
var config = DefaultConfig.Instance
    .AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance))
    .WithOptions(ConfigOptions.DisableOptimizationsValidator);
BenchmarkSwitcher.FromAssembly(typeof(PaulMassage.Benchmarks.AvailabilityCalculatorBenchmarks).Assembly).Run(args, config);
