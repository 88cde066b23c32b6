using MetaIssue.EndToEnd.Infrastructure;

namespace MetaIssue.EndToEnd;

// Each collection gets its own template hive (a hive must not be shared by concurrent `dotnet new` runs), so the
// collections run in parallel while the tests inside one share its hive and run one after another.

[CollectionDefinition(Name)]
public sealed class MetaIssueTemplateCollection : ICollectionFixture<TemplateHiveFixture>
{
    public const string Name = "metaissue template";
}

[CollectionDefinition(Name)]
public sealed class MetaAttemptTemplateCollection : ICollectionFixture<TemplateHiveFixture>
{
    public const string Name = "metaattempt template";
}

[CollectionDefinition(Name)]
public sealed class MetaLessonTemplateCollection : ICollectionFixture<TemplateHiveFixture>
{
    public const string Name = "metalesson template";
}

[CollectionDefinition(Name)]
public sealed class TemplatePackCollection : ICollectionFixture<TemplateHiveFixture>
{
    public const string Name = "template pack";
}

[CollectionDefinition(Name)]
public sealed class CheckerBuildCollection : ICollectionFixture<TemplateHiveFixture>
{
    public const string Name = "checker builds";
}

[CollectionDefinition(Name)]
public sealed class ReliabilityCollection : ICollectionFixture<TemplateHiveFixture>
{
    public const string Name = "reliability";
}
