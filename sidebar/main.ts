// Sidebar client entry: for now it only marks the page as loaded. Deal entry arrives with its issue.
const statusLine = document.getElementById('status');
if (statusLine) statusLine.dataset.ready = 'true';
export {};
