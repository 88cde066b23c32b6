using System.Globalization;
using MetaIssue.Benchmarks;
using MetaIssue.Benchmarks.Corpus;
using MetaIssue.Benchmarks.Measuring;
using MetaIssue.Benchmarks.Reporting;
using MetaIssue.Benchmarks.Tools;

CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

Options options;
try
{
    options = Options.Parse(args);
}
catch (Exception exception) when (exception is ArgumentException or FormatException or OverflowException)
{
    Console.Error.WriteLine(exception.Message == "help" ? Options.Usage : exception.Message + "\n\n" + Options.Usage);
    return exception.Message == "help" ? 0 : 2;
}

if (options.MeasureMemory is { } memoryRoot)
{
    return MemoryProbe.RunChild(memoryRoot, options.ChildCache, options.ChildLibrary);
}

var repository = Repository.Find();
var scratch = Directory.CreateTempSubdirectory("metaissue-bench-").FullName;
var report = new Report
{
    Command = "dotnet run -c Release --project build/Benchmarks --" + (args.Length > 0 ? " " + string.Join(" ", args) : string.Empty),
    Machine = MachineInfo.Describe(),
    LoadBefore = MachineInfo.Load(),
    Seed = options.Seed,
};
Log($"MetaIssue benchmark. Machine: {report.Machine}; load {report.LoadBefore}. Scratch folder: {scratch}");

var outPath = Path.GetFullPath(options.Out);
void Save(Report current)
{
    current.LoadAfter = MachineInfo.Load();
    Directory.CreateDirectory(Path.GetDirectoryName(outPath)!);
    File.WriteAllText(outPath, current.Render());
}

try
{
    if (options.InnerLoop)
    {
        report.InnerLoop = new InnerLoopResult { Pairs = options.Pairs, RemoteBranches = options.RemoteBranches };
        new InnerLoop(options, repository, scratch, report.InnerLoop, () => Save(report)).Run();
    }
    else
    {
        new Benchmark(options, repository, scratch, report, Save).Run();
    }
}
finally
{
    if (options.Keep)
    {
        Log($"Kept {scratch}");
    }
    else
    {
        Log("Removing the scratch folder");
        Repository.TryDelete(scratch);
    }
}

Save(report);
Console.WriteLine();
Console.WriteLine(report.Render());
Log($"Report written to {outPath}");
return 0;

static void Log(string message) => Console.WriteLine($"[{DateTime.Now:HH:mm:ss}] {message}");
