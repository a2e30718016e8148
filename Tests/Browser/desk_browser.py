#!/usr/bin/env python3
"""The Samhand desk in a real browser (headless Chromium, Selenium).

A coordinator (siri.fjell) signs in with her token, states a purpose, reads her agenda and
caseload, adds a goal to a recipient's plan and proposes a handover to ola.strand; ola.strand
signs in with a one-time login link, ticks a checklist item and accepts it; the auditor
(kim.aas) finds the looks in the recipient's access log and in the per-staff view. Every page
is screenshotted, and every page is checked for a label on every field and no script; the
sign-in page for keyboard use; the menu for audit pages only where the policies allow them.
Run by run.sh.
"""
import argparse
import json
import os
import shutil
import subprocess
import sys
import urllib.parse
import urllib.request

from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.common.exceptions import TimeoutException, WebDriverException
from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.ui import Select, WebDriverWait


class Check:
    """Counts checks; a failed one is reported and the suite goes on to the end."""

    def __init__(self):
        self.passed = 0
        self.failed = []

    def __call__(self, condition, what):
        if condition:
            self.passed += 1
        else:
            self.failed.append(what)
            print(f"FAIL: {what}", file=sys.stderr)


class Desk:
    def __init__(self, base, screenshots, check):
        options = Options()
        options.binary_location = shutil.which("chromium")
        for argument in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage",
                         "--window-size=1280,1400", "--lang=nb-NO"]:
            options.add_argument(argument)
        self.driver = webdriver.Chrome(
            service=Service(shutil.which("chromedriver")), options=options)
        self.base = base
        self.screenshots = screenshots
        self.check = check

    def reached(self, fragment):
        """Whether the browser arrives at a URL containing `fragment` (a form post's redirect
        can land after the click returns)."""
        try:
            WebDriverWait(self.driver, 10).until(expected_conditions.url_contains(fragment))
            return True
        except TimeoutException:
            return False

    def submit(self, element):
        """Clicks a form's button and waits for the page it posts to to replace this one."""
        element.click()
        WebDriverWait(self.driver, 10).until(lambda _: self.replaced(element))

    @staticmethod
    def replaced(element):
        """Whether the element's page is gone. Chromium sometimes answers a look at a node of a
        page it has just left with an inspector error instead of a stale reference: both mean
        the page was replaced."""
        try:
            element.is_enabled()
            return False
        except WebDriverException:
            return True

    def open(self, path):
        self.driver.get(self.base + path)

    def text(self):
        return self.driver.find_element(By.TAG_NAME, "body").text

    def shot(self, name):
        """Screenshots the whole page and checks what every page must have."""
        height = self.driver.execute_script("return document.body.scrollHeight")
        self.driver.set_window_size(1280, max(900, min(height + 40, 4000)))
        self.driver.save_screenshot(os.path.join(self.screenshots, f"{name}.png"))
        self.check(not self.driver.find_elements(By.TAG_NAME, "script"), f"{name}: no script")
        for field in self.driver.find_elements(By.CSS_SELECTOR, "input, select, textarea"):
            if field.get_attribute("type") in ("hidden", "submit"):
                continue
            identifier = field.get_attribute("id")
            labels = self.driver.find_elements(By.CSS_SELECTOR, f"label[for='{identifier}']")
            self.check(identifier and labels, f"{name}: field {field.get_attribute('name')} has a label")

    def sign_in(self, token, purpose):
        self.open("/desk/sign-in")
        field = self.driver.find_element(By.ID, "token")
        field.send_keys(token)
        field.send_keys(Keys.ENTER)
        WebDriverWait(self.driver, 10).until(expected_conditions.staleness_of(field))
        self.check(self.reached("/desk/purpose"), "sign-in asks for a purpose")
        self.driver.find_element(By.ID, f"purpose-{purpose}").click()
        self.submit(self.driver.find_element(By.ID, "choose-purpose"))

    def sign_out(self):
        self.submit(self.driver.find_element(By.ID, "sign-out"))
        self.check(self.reached("/desk/sign-in"), "sign-out goes to sign-in")

    def quit(self):
        self.driver.quit()


def api(base, token, path):
    request = urllib.request.Request(
        base + path, headers={"Authorization": f"Bearer {token}", "X-Purpose": "follow-up"})
    with urllib.request.urlopen(request) as response:
        return json.load(response)


def coordinated_recipient(base, token):
    """A recipient whose open plan siri.fjell coordinates, and the plan."""
    for item in api(base, token, "/v1/caseload?limit=200")["items"]:
        for plan in api(base, token, f"/v1/recipients/{item['id']}/plans")["items"]:
            if plan["coordinator"] == "siri.fjell" and plan["status"] != "closed":
                return item["id"], plan["id"]
    raise SystemExit("the demo has no open plan coordinated by siri.fjell")


def main():
    parser = argparse.ArgumentParser()
    for name in ["--base", "--demo", "--data", "--samhand", "--screenshots"]:
        parser.add_argument(name, required=True)
    arguments = parser.parse_args()
    os.makedirs(arguments.screenshots, exist_ok=True)
    with open(arguments.demo) as file:
        tokens = {staff["id"]: staff["token"] for staff in json.load(file)["staff"]}
    base = arguments.base
    recipient, _ = coordinated_recipient(base, tokens["siri.fjell"])
    check = Check()
    desk = Desk(base, arguments.screenshots, check)
    try:
        # Keyboard first: the first Tab reaches the skip link.
        desk.open("/desk/sign-in")
        desk.driver.find_element(By.TAG_NAME, "body").send_keys(Keys.TAB)
        focused = desk.driver.switch_to.active_element
        check((focused.get_attribute("href") or "").endswith("#main"),
              "the first Tab reaches the skip link")

        # A coordinator's day.
        desk.sign_in(tokens["siri.fjell"], "follow-up")
        check(desk.driver.find_element(By.TAG_NAME, "h1").text == "Min agenda", "agenda first")
        check("Oppfølging av tjenestemottaker" in desk.text(), "the purpose is shown")
        check(not desk.driver.find_elements(By.LINK_TEXT, "Nødtilgang")
              and not desk.driver.find_elements(By.LINK_TEXT, "Loggkontroll"),
              "a coordinator's menu has no audit pages")
        headings = desk.driver.find_elements(By.CSS_SELECTOR, "main section h2")
        check(headings and all(h.find_elements(By.CSS_SELECTOR, "span.muted") for h in headings),
              "the agenda heads each recipient's items with a name")
        desk.shot("01-agenda")
        desk.open("/desk/caseload")
        check(recipient in desk.driver.page_source, "the caseload lists the recipient")
        desk.shot("02-caseload")
        desk.open(f"/desk/recipients/{recipient}")
        check("Hvem har ansvaret nå" in desk.text(), "the recipient page says who is responsible")
        Select(desk.driver.find_element(By.ID, "goal-domain")).select_by_value("housing")
        desk.driver.find_element(By.ID, "goal-text").send_keys("Egen leilighet innen sommeren")
        desk.submit(desk.driver.find_element(By.ID, "add-goal"))
        check("Egen leilighet innen sommeren" in desk.text(), "the goal is on the plan")
        desk.shot("03-recipient")
        desk.driver.find_element(By.CSS_SELECTOR, "#handover-form").find_element(
            By.XPATH, "..").find_element(By.TAG_NAME, "summary").click()
        Select(desk.driver.find_element(By.ID, "handover-kind")).select_by_value(
            "coordinator-change")
        Select(desk.driver.find_element(By.ID, "handover-mode")).select_by_value("transfer")
        desk.driver.find_element(By.ID, "handover-to-staff").send_keys("ola.strand")
        desk.driver.execute_script(
            "document.getElementById('handover-date').value = '2099-01-15'")
        desk.submit(desk.driver.find_element(By.ID, "propose-handover"))
        check(desk.reached("/desk/handovers"), "a proposal goes to the inbox")
        check("ola.strand" in desk.text(), "the outgoing handover names the receiver")
        desk.shot("04-handovers-outgoing")
        desk.sign_out()

        # The receiver, by a one-time login link with a purpose.
        link = subprocess.run(
            [arguments.samhand, "token", "create", "--data", arguments.data, "--staff",
             "ola.strand", "--login-link", "--purpose", "handover", "--json"],
            check=True, capture_output=True, text=True)
        url = urllib.parse.urlsplit(json.loads(link.stdout)["url"])
        desk.open(f"{url.path}?{url.query}")
        desk.shot("05-login-link")
        desk.submit(desk.driver.find_element(By.ID, "use-link"))
        check("Overgang eller overføring" in desk.text(), "the link's purpose is shown")
        desk.open("/desk/handovers")
        desk.shot("06-handovers-incoming")
        ticks = [
            button for article in desk.driver.find_elements(By.CSS_SELECTOR, "article.handover")
            if recipient in article.get_attribute("innerHTML")
            for button in article.find_elements(By.CSS_SELECTOR, "button[id^='check-']")]
        check(len(ticks) >= 1, "the receiver can tick a checklist item")
        ticked = ticks[0].get_attribute("id")
        desk.submit(ticks[0])
        check(desk.reached("/desk/handovers"), "a tick goes back to the inbox")
        check(not desk.driver.find_elements(By.ID, ticked), "the ticked item is no longer open")
        accept = [
            article.find_element(By.CSS_SELECTOR, "button.accept")
            for article in desk.driver.find_elements(By.CSS_SELECTOR, "article.handover")
            if recipient in article.get_attribute("innerHTML")
            and article.find_elements(By.CSS_SELECTOR, "button.accept")]
        check(len(accept) >= 1, "the receiver can accept the proposal")
        desk.submit(accept[0])
        desk.open(f"/desk/recipients/{recipient}")
        holder = desk.driver.find_element(By.ID, "holder").text
        check(holder == "ola.strand", f"responsibility moved to ola.strand (is {holder})")
        desk.shot("07-recipient-after-accept")
        desk.sign_out()
        desk.open(f"/desk/recipients/{recipient}")
        check(desk.reached("/desk/sign-in"), "no page after sign-out")

        # The auditor.
        desk.sign_in(tokens["kim.aas"], "audit-review")
        desk.open(f"/desk/audit/recipients/{recipient}")
        log = desk.driver.find_element(By.ID, "access-log").text
        check("siri.fjell" in log and "plan.goal.add" in log, "the goal's look is logged")
        check("ola.strand" in log and "handover.accept" in log, "the acceptance is logged")
        check("handover.check" in log, "the checklist tick is logged")
        check(desk.driver.find_elements(By.LINK_TEXT, "Loggkontroll")
              and desk.driver.find_elements(By.LINK_TEXT, "Nødtilgang"),
              "the auditor's menu has the audit pages")
        desk.shot("08-audit-access-log")
        desk.open("/desk/audit/break-glass")
        desk.shot("09-audit-break-glass")
        desk.open("/desk/audit/verify")
        check("Loggen er hel" in desk.text(), "the audit log verifies")
        desk.shot("10-audit-verify")
        desk.open("/desk/audit/staff/ola.strand")
        check(recipient in desk.driver.page_source, "ola.strand's looks name the recipient")
        desk.shot("11-audit-staff")
        desk.sign_out()
    finally:
        desk.quit()
    print(f"screenshots in {arguments.screenshots}")
    print(f"browser: {check.passed} passed, {len(check.failed)} failed")
    sys.exit(1 if check.failed else 0)


if __name__ == "__main__":
    main()
