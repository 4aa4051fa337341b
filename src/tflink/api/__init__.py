"""The REST API (/api/v1): one router module per resource, all over the query layer."""
