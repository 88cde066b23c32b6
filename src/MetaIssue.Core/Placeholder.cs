namespace MetaIssue;
internal static class Placeholder { }
