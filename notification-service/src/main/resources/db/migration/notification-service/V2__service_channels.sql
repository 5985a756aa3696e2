-- Slack channels that hear about every incident of a service, besides the people paged.
create table service_channel (
    service       text primary key,
    slack_channel text not null
);
